#include <bits/stdc++.h>
#include <unistd.h>
int main(){long long a,b; std::cin>>a>>b; for(int i=0;i<1024;i++) fprintf(stderr,"debug %d %s\n",i,std::string(50,'x').c_str()); std::cout<<a+b<<"\n";}
