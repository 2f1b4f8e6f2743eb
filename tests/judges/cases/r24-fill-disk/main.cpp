#include <bits/stdc++.h>
#include <unistd.h>
static char buf[1<<20];
int main(){ memset(buf, '0', sizeof buf); FILE* f = fopen("fill.bin", "wb"); if(!f) return 1; for(;;){ if(fwrite(buf, 1, sizeof buf, f) != sizeof buf) return 1; } }
