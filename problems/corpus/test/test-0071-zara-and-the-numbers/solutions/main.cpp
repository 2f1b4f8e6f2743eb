#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    long long n;
    cin >> n;
    bool ok = n > 1;
    for (long long i = 2; i * i <= n; i++) {
        if (n % i == 0) {
            ok = false;
            break;
        }
    }
    cout << (ok ? "YES" : "NO") << "\n";
    return 0;
}
