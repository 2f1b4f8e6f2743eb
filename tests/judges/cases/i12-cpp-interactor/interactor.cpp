// Guess the number in the Kattis convention, in C++: exit 42 accepts, 43 rejects.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

static int reject(const std::string& feedback, const std::string& why) {
    std::ofstream(feedback + "judgemessage.txt") << why << "\n";
    return 43;
}

int main(int argc, char** argv) {
    if (argc < 4) return 1;
    int secret = 0;
    std::ifstream(argv[1]) >> secret;
    std::string feedback = argv[3];
    for (int i = 0; i < 10; i++) {
        long long guess;
        if (!(std::cin >> guess)) return reject(feedback, "no guess");
        if (guess == secret) { std::cout << "correct" << std::endl; return 42; }
        std::cout << (secret < guess ? "lower" : "higher") << std::endl;
    }
    return reject(feedback, "no correct guess in 10");
}
