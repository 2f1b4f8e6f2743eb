#include <bits/stdc++.h>
#include <unistd.h>
#include <sys/ptrace.h>
int main(){ if(ptrace(PTRACE_SEIZE, getppid(), nullptr, nullptr) != 0) return 1; puts("attached"); }
