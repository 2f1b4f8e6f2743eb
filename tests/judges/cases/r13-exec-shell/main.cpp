#include <bits/stdc++.h>
#include <unistd.h>
int main(){ execl("/bin/sh", "sh", "-c", "echo spawned", (char*)nullptr); return 1; }
