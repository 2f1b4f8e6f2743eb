#include <bits/stdc++.h>
#include <unistd.h>
#include <csignal>
int main(){ for(int s : {SIGXCPU, SIGTERM, SIGALRM, SIGINT, SIGHUP, SIGVTALRM, SIGPROF, SIGUSR1, SIGUSR2}) signal(s, SIG_IGN); volatile long x=0; for(;;) x++; }
