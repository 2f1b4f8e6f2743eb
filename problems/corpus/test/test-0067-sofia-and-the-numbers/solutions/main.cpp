#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<long long> a(2);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        if (x >= 41 && x <= 47) b.push_back(x);
    }
    cout << accumulate(b.begin(), b.end(), 0LL) << "\n";
    return 0;
}
