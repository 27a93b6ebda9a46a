package corpus

// variant says which mistakes module i makes. Each flag is chosen by a
// different modulus, so that the corpus mixes clean modules with modules that
// have one or several problems, in a fixed pattern.
type variant struct {
	singleRegion     bool // CT401
	noValidation     bool // CT402
	noSourceArn      bool // CT101
	noACLCondition   bool // CT103
	noTLSDeny        bool // CT109
	rotationOff      bool // CT206
	noKMSContext     bool // CT201
	shortRetention   bool // CT301
	noVersioning     bool // CT502, CT303
	publicAccessOpen bool // CT501
	unknownAccount   bool // account id from a variable without default: unknown markers
}

func variantOf(i int) variant {
	return variant{
		singleRegion:     i%3 == 1,
		noValidation:     i%5 == 2,
		noSourceArn:      i%4 == 3,
		noACLCondition:   i%6 == 5,
		noTLSDeny:        i%2 == 1,
		rotationOff:      i%7 == 3,
		noKMSContext:     i%11 == 6,
		shortRetention:   i%8 == 5,
		noVersioning:     i%9 == 4,
		publicAccessOpen: i%10 == 7,
		unknownAccount:   i%13 == 12,
	}
}

func yesNo(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
