#include <bits/stdc++.h>
int main(){ size_t n = 2ull<<30; char* p = (char*)malloc(n); if(!p) return 3; memset(p, 1, n); long long s = 0; for(size_t i = 0; i < n; i += 4096) s += p[i]; printf("%lld\n", s); }
