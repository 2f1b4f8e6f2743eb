#include <bits/stdc++.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
int main(){
  for(const char* p : {"alphasolve_leak.txt", "/dev/shm/alphasolve_leak_probe", "/tmp/alphasolve_leak_probe"}){ FILE* f = fopen(p, "w"); if(f){ fputs("leak\n", f); fclose(f); } }
  int fd = shm_open("/alphasolve_leak_shm", O_CREAT | O_RDWR, 0644);
  if(fd >= 0){ if(ftruncate(fd, 4096) != 0) {} close(fd); }
  puts("written");
}
