#include <bits/stdc++.h>
#include <unistd.h>
int main(){ puts("42"); }
