// Package web holds the page `ctlint serve` serves: index.html and, under
// static/, its script and stylesheet. Everything is embedded so that the
// binary needs no files and the page loads nothing from elsewhere.
package web

import "embed"

// FS holds static/app.js and static/style.css.
//
//go:embed static
var FS embed.FS

// Index is the page itself.
//
//go:embed index.html
var Index []byte
