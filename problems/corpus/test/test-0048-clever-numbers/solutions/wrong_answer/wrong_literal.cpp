#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<long long> a(3);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        if (x % 2 == 0 && x >= 17) b.push_back(x);
    }
    cout << b.size() << "\n";
    return 0;
}
