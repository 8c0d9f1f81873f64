#define MIE0 1
#include "act8_store.S"
