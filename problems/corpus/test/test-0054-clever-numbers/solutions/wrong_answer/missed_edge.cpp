#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<long long> a(3);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        if (x % 6 == 3) b.push_back(x + 68);
    }
    for (long long v : b) cout << v << ' ';
    cout << "\n";
    return 0;
}
