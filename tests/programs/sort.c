/* sort.c — three sorts over data from klib's rand() (the C standard's
 * example LCG, so the sequence is fixed): quicksort of ints, insertion
 * sort of strings with strcmp, merge sort of a malloc'ed linked list. */
#include <am.h>
#include <klib.h>

#define N 200

static void quicksort(int *a, int lo, int hi) {
  while (lo < hi) {
    int p = a[(lo + hi) / 2], i = lo, j = hi;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    /* Recurse into the smaller half, loop on the larger one. */
    if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
    else { quicksort(a, i, hi); hi = j; }
  }
}

struct node { int v; struct node *next; };

static struct node *merge(struct node *a, struct node *b) {
  struct node head, *t = &head;
  while (a && b) {
    if (a->v <= b->v) { t->next = a; a = a->next; }
    else { t->next = b; b = b->next; }
    t = t->next;
  }
  t->next = a ? a : b;
  return head.next;
}

static struct node *msort(struct node *l) {
  if (!l || !l->next) return l;
  struct node *slow = l, *fast = l->next;
  while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
  struct node *r = slow->next;
  slow->next = NULL;
  return merge(msort(l), msort(r));
}

int main(void) {
  static int a[N];
  srand(42);
  for (int i = 0; i < N; i++) a[i] = rand() % 1000;
  printf("first:");
  for (int i = 0; i < 8; i++) printf(" %d", a[i]);
  long sum = 0;
  for (int i = 0; i < N; i++) sum += a[i];
  printf("\nsum %ld\n", sum);

  quicksort(a, 0, N - 1);
  int sorted = 1;
  long sum2 = 0;
  for (int i = 0; i < N; i++) { sum2 += a[i]; if (i && a[i - 1] > a[i]) sorted = 0; }
  printf("quicksort: sorted=%d same sum=%d\nlowest:", sorted, sum == sum2);
  for (int i = 0; i < 5; i++) printf(" %d", a[i]);
  printf("\nhighest:");
  for (int i = N - 5; i < N; i++) printf(" %d", a[i]);
  printf("\nmedian %d\n", a[N / 2]);

  const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "apricot", "date" };
  int nw = sizeof words / sizeof words[0];
  for (int i = 1; i < nw; i++) {
    const char *w = words[i];
    int j = i - 1;
    while (j >= 0 && strcmp(words[j], w) > 0) { words[j + 1] = words[j]; j--; }
    words[j + 1] = w;
  }
  printf("words:");
  for (int i = 0; i < nw; i++) printf(" %s", words[i]);
  printf("\n");

  srand(7);
  struct node *list = NULL;
  for (int i = 0; i < 50; i++) {
    struct node *n = malloc(sizeof *n);
    if (!n) { printf("malloc failed\n"); return 1; }
    n->v = rand() % 100;
    n->next = list;
    list = n;
  }
  list = msort(list);
  int count = 0, ok = 1, prev = -1;
  printf("list:");
  for (struct node *n = list; n; n = n->next) {
    if (count < 10) printf(" %d", n->v);
    if (n->v < prev) ok = 0;
    prev = n->v;
    count++;
  }
  printf("\nlist: %d nodes, sorted=%d, max %d\n", count, ok, prev);
  return 0;
}
