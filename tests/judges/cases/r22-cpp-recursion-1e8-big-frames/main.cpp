#include <bits/stdc++.h>
#include <unistd.h>
int f(int n){ volatile char buf[256]; buf[0] = (char)n; if(n == 0) return 0; int r = f(n - 1); return r + 1 + (buf[0] != (char)n); }
int main(){ int n; if(scanf("%d", &n) != 1) return 1; printf("%d\n", f(n)); }
