#include <cstdio>
int main() {  // keeps writing after the interactor has gone: killed by SIGPIPE
    for (int i = 0;; i++) { printf("%d\n", i); fflush(stdout); }
}
