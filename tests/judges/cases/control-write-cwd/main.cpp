#include <bits/stdc++.h>
#include <unistd.h>
int main(){ {std::ofstream f("scratch.txt"); f<<"3\n";} std::ifstream g("scratch.txt"); int x=0; g>>x; printf("%d\n",x);}
