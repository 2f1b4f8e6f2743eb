#include <bits/stdc++.h>
#include <unistd.h>
#include <csignal>
int main(){ if(kill(-1, SIGKILL) != 0) return 1; }
