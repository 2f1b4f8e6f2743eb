#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        long long k;
        cin >> n >> k;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        vector<long long> b;
        for (long long x : a) {
            if (x == k) b.push_back(x);
        }
        if (b.empty()) cout << -1 << "\n";
        else cout << *max_element(b.begin(), b.end()) << "\n";
    }
    return 0;
}
