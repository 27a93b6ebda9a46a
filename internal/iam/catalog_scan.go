package iam

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// scanCatalog reads the catalog's layout without decoding it: the
// "_source" text and, per service prefix, the raw bytes of its action
// array. Decoding the whole half megabyte with encoding/json (even into
// json.RawMessage values) took 4-7 ms of CPU in every process, most of a
// one-file run's budget once the rules are cached; this pass finds the
// same boundaries at memory speed. The file's shape is fixed
// ({"_source": string, "services": {prefix: [string, ...]}}) and anything
// else is an error; the action arrays are decoded with encoding/json when a
// service is first used, which validates them. TestScanMatchesDecode holds
// the result to a full encoding/json decode of the embedded file.
func scanCatalog(data []byte) (source string, services map[string]json.RawMessage, err error) {
	s := &catalogScanner{data: data}
	services = map[string]json.RawMessage{}
	err = s.object(func(key string) error {
		switch key {
		case "_source":
			raw, err := s.str()
			if err != nil {
				return err
			}
			source, err = unquote(raw)
			return err
		case "services":
			return s.object(func(prefix string) error {
				raw, err := s.stringArray()
				if err != nil {
					return fmt.Errorf("service %q: %w", prefix, err)
				}
				services[prefix] = raw // a repeated key: the last wins, as in encoding/json
				return nil
			})
		default:
			return fmt.Errorf("unexpected key %q", key)
		}
	})
	if err == nil {
		if s.ws(); s.i != len(s.data) {
			err = s.errorf("trailing data")
		}
	}
	return source, services, err
}

type catalogScanner struct {
	data []byte
	i    int
}

func (s *catalogScanner) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", s.i, fmt.Sprintf(format, args...))
}

func (s *catalogScanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// expect consumes c after white space.
func (s *catalogScanner) expect(c byte) error {
	s.ws()
	if s.i >= len(s.data) || s.data[s.i] != c {
		return s.errorf("want %q", c)
	}
	s.i++
	return nil
}

// peek returns the next byte after white space (0 at the end).
func (s *catalogScanner) peek() byte {
	s.ws()
	if s.i >= len(s.data) {
		return 0
	}
	return s.data[s.i]
}

// str returns the raw bytes of a JSON string, quotes included.
func (s *catalogScanner) str() ([]byte, error) {
	if err := s.expect('"'); err != nil {
		return nil, err
	}
	start := s.i - 1
	for s.i < len(s.data) {
		switch c := s.data[s.i]; {
		case c == '"':
			s.i++
			return s.data[start:s.i], nil
		case c == '\\':
			s.i += 2
		case c < 0x20:
			return nil, s.errorf("control character in a string")
		default:
			s.i++
		}
	}
	return nil, errors.New("unterminated string")
}

// object reads {"key": value, ...}, calling member for each key with the
// scanner at its value.
func (s *catalogScanner) object(member func(key string) error) error {
	if err := s.expect('{'); err != nil {
		return err
	}
	if s.peek() == '}' {
		s.i++
		return nil
	}
	for {
		raw, err := s.str()
		if err != nil {
			return err
		}
		key, err := unquote(raw)
		if err != nil {
			return s.errorf("key: %v", err)
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		if err := member(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return s.errorf("want ',' or '}'")
		}
	}
}

// stringArray returns the raw bytes of a list of strings.
func (s *catalogScanner) stringArray() (json.RawMessage, error) {
	if err := s.expect('['); err != nil {
		return nil, err
	}
	start := s.i - 1
	if s.peek() == ']' {
		s.i++
		return s.data[start:s.i], nil
	}
	for {
		if _, err := s.str(); err != nil {
			return nil, err
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return s.data[start:s.i], nil
		default:
			return nil, s.errorf("want ',' or ']'")
		}
	}
}

// unquote decodes a raw JSON string: directly when it has no escapes (every
// key of the catalog), else with encoding/json.
func unquote(raw []byte) (string, error) {
	if !bytes.ContainsRune(raw, '\\') {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}
