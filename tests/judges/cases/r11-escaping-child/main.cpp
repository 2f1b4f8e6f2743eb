#include <bits/stdc++.h>
#include <unistd.h>
#include <csignal>
int main(){
  long long a,b; if(scanf("%lld %lld",&a,&b)!=2) return 1;
  pid_t p = fork();
  if(p < 0) return 1;
  if(p == 0){ setsid(); signal(SIGTERM, SIG_IGN); signal(SIGHUP, SIG_IGN); sleep(999); _exit(0); }
  printf("%lld\n", a+b);
}
