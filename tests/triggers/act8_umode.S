#define UMODE 1
#include "act8_store.S"
