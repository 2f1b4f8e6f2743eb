#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<long long> a(n * m);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        if (x % 2 == 0 && x > 77) b.push_back(x % 10);
    }
    long long p = 1;
    for (long long v : b) p = p * v % 944744;
    cout << p << "\n";
    return 0;
}
