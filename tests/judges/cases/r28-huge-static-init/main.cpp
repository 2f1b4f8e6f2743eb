#include <cstdio>
static int a[1 << 30] = {1};
int main(){ int i = 0; if(scanf("%d", &i) != 1) return 1; printf("%d\n", a[i]); }
