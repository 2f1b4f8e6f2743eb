#include <bits/stdc++.h>
#include <unistd.h>
#include <thread>
int main(){ std::vector<std::thread> ts; for(int i=0;i<64;i++) ts.emplace_back([]{ volatile long x=0; for(;;) x++; }); for(auto& t: ts) t.join(); }
