package allow

// CheckLoaded is Check through go/packages alone, for comparing the two.
var CheckLoaded = checkLoaded

// TypeChecks reports whether Check's own type check serves the package in
// dir, without falling back to go/packages.
func TypeChecks(dir string, overlay map[string][]byte, flags []string) error {
	_, err := typeCheck(dir, overlay, flags)
	return err
}
