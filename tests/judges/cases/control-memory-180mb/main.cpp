#include <bits/stdc++.h>
#include <unistd.h>
int main(){std::vector<char> v(180u<<20, 1); long long s=0; for(size_t i=0;i<v.size();i+=4096) s+=v[i]; printf("%zu\n", v.size() + (size_t)(s - (long long)(v.size()/4096 + (v.size()%4096!=0))));}
