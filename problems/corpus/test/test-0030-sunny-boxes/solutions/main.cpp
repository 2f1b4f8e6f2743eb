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
            if (x > 393 && x % 831 != 0) b.push_back(x * 7);
        }
        long long p = 1;
        for (long long v : b) p = p * v % 100003;
        cout << p << "\n";
    }
    return 0;
}
