#!/bin/sh
# Finder opens this file in Terminal when it is double-clicked: it starts
# annexgen's page and opens it in the browser.
cd "$(dirname "$0")" || exit 1

# A downloaded program is quarantined by macOS. Opening this file was the
# user's consent to run annexgen from this folder, so the program beside it
# is released from quarantine too.
xattr -d com.apple.quarantine ./annexgen 2>/dev/null

echo "annexgen: ブラウザで確認表の変換画面を開きます。"
echo "このウィンドウは、画面を使っている間は開いたままにしてください。"
echo "終了するには Ctrl+C を押すか、このウィンドウを閉じてください。"
echo
exec ./annexgen serve --open
