#include <bits/stdc++.h>
#include <unistd.h>
int main(){ auto t=std::chrono::steady_clock::now(); while(std::chrono::steady_clock::now()-t < std::chrono::seconds(10)) {} puts("3"); }
