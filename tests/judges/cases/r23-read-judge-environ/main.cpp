#include <bits/stdc++.h>
#include <unistd.h>
#include <fstream>
static std::string slurp(const std::string& p, bool& ok){ std::ifstream f(p, std::ios::binary); ok = (bool)f; if(!ok) return ""; return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>()); }
int main(){
  bool ok; std::string own = slurp("/proc/self/environ", ok);
  bool found = false;
  for(int pid : {1, (int)getppid()}){
    if(pid <= 0 || pid == (int)getpid()) continue;
    std::string e = slurp("/proc/" + std::to_string(pid) + "/environ", ok);
    if(ok && !e.empty() && e != own) found = true;
  }
  puts(found ? "found" : "nothing");
}
