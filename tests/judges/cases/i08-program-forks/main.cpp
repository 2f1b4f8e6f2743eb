#include <iostream>
#include <string>
#include <unistd.h>
int main() {
    if (fork() == 0) { sleep(600); return 0; }  // would hold the pipes open, if it existed
    int lo = 1, hi = 1000;
    std::string reply;
    while (true) {
        int mid = (lo + hi) / 2;
        std::cout << mid << std::endl;
        std::cin >> reply;
        if (reply == "correct") break;
        if (reply == "lower") hi = mid - 1; else lo = mid + 1;
    }
}
