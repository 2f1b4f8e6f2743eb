#include <bits/stdc++.h>
#include <unistd.h>
int main(){
  std::string leaks;
  for(const char* p : {"alphasolve_leak.txt", "/dev/shm/alphasolve_leak_probe", "/dev/shm/alphasolve_leak_shm", "/tmp/alphasolve_leak_probe"})
    if(access(p, F_OK) == 0){ leaks += p; leaks += ' '; }
  if(getenv("ALPHASOLVE_LEAK")) leaks += "environ ";
  puts(leaks.empty() ? "clean" : leaks.c_str());
}
