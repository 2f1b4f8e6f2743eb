#include <bits/stdc++.h>
#include <unistd.h>
int main(){ sleep(1000000); }
