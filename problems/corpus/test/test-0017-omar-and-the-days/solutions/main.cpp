#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        if (x < -702 && x % 2 != 0) b.push_back(x);
    }
    cout << b.size() << "\n";
    return 0;
}
