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
        if (x < 0) b.push_back(x);
    }
    cout << ((long long)b.size() >= 4 ? "YES" : "NO") << "\n";
    return 0;
}
