#include <bits/stdc++.h>
#include <unistd.h>
#include <csignal>
#include <dirent.h>
int main(){
  int killed = 0; DIR* d = opendir("/proc"); if(!d) return 1;
  while(dirent* e = readdir(d)){
    char* end; long p = strtol(e->d_name, &end, 10);
    if(*end || p <= 1 || p == getpid()) continue;
    if(kill((pid_t)p, SIGKILL) == 0) killed++;
  }
  if(!killed) return 1;
  printf("killed %d\n", killed);
}
