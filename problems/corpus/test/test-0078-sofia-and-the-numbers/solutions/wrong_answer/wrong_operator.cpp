#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        vector<long long> b;
        for (long long x : a) {
            if (x % 2 == 0 && x < 56) b.push_back(x + 77);
        }
        if (b.empty()) cout << -1;
        for (long long v : b) cout << v << ' ';
        cout << "\n";
    }
    return 0;
}
