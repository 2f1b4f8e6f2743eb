#include <bits/stdc++.h>
#include <unistd.h>
int main(){long long s=0,x; while(scanf("%lld",&x)==1) s+=x; printf("%lld\n",s);}
