#include <bits/stdc++.h>
#include <unistd.h>
int main(){ int rc = system("echo spawned > /tmp/alphasolve_spawn_probe"); if(rc != 0) return 1; puts("spawned"); }
