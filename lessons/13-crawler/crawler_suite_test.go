package crawler_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestCrawler(t *testing.T) { spec.Run(t, "13 crawler") }
func TestMain(m *testing.M)    { spec.Main(m) }
