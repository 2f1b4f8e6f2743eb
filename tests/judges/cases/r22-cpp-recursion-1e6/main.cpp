#include <bits/stdc++.h>
#include <unistd.h>
int f(int n){ volatile int pad[4]; pad[0] = n; if(n == 0) return 0; int r = f(n - 1); return r + 1 + (pad[0] - n); }
int main(){ int n; if(scanf("%d", &n) != 1) return 1; printf("%d\n", f(n)); }
