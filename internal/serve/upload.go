package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/annexgen/annexgen/document"
)

// choices are what the clerk chose on the page, for every file of a request.
type choices struct {
	kind      document.Kind // "" follows each workbook's 文書種別
	perVendor bool
	strict    bool
	password  string
}

// job is one uploaded file, spooled to disk, to convert.
type job struct {
	name  string // the file's name as uploaded, base name only
	path  string // the spooled copy
	field string // the form field it came in: file, or old and new for a diff
	choices
}

// requestError is a request refused as a whole, with its status and a
// message for the page.
type requestError struct {
	status  int
	message string
}

func (e *requestError) Error() string { return e.message }

// fileFields are the form fields that carry files: file for conversions,
// old and new for a comparison.
var fileFields = map[string]bool{"file": true, "old": true, "new": true}

// maxFieldBytes bounds a form field other than a file.
const maxFieldBytes = 4 << 10

// readUpload spools the files of a multipart request into the temporary
// folder and reads the choices. On error, the files spooled so far are
// removed.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request) (jobs []job, err error) {
	defer func() {
		if err != nil {
			removeJobs(jobs)
			jobs = nil
		}
	}()
	r.Body = http.MaxBytesReader(w, r.Body, int64(s.cfg.MaxFiles)*(s.cfg.MaxFileBytes+1<<20))
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, &requestError{http.StatusBadRequest, "アップロードの形式が正しくありません（multipart/form-data で送ってください）"}
	}
	var ch choices
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return jobs, uploadError(err, s.cfg)
		}
		if !fileFields[part.FormName()] {
			if err := ch.set(part); err != nil {
				return jobs, err
			}
			continue
		}
		if len(jobs) == s.cfg.MaxFiles {
			return jobs, &requestError{http.StatusRequestEntityTooLarge,
				fmt.Sprintf("一度に送れるファイルは %d 個までです。分けて送ってください", s.cfg.MaxFiles)}
		}
		j, err := s.spool(part)
		j.field = part.FormName()
		if j.path != "" {
			jobs = append(jobs, j)
		}
		if err != nil {
			return jobs, err
		}
	}
	if len(jobs) == 0 {
		return nil, &requestError{http.StatusBadRequest, "ファイルが送られていません。確認表（.xlsx）を選んでください"}
	}
	for i := range jobs {
		jobs[i].choices = ch
	}
	return jobs, nil
}

// set reads one form field into the choices.
func (ch *choices) set(part *multipart.Part) error {
	b, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
	if err != nil || len(b) > maxFieldBytes || !utf8.Valid(b) {
		return &requestError{http.StatusBadRequest, "フォームの値が正しくありません"}
	}
	v := string(b)
	switch part.FormName() {
	case "kind":
		k := document.Kind(v)
		if k != "" && !k.Valid() {
			return &requestError{http.StatusBadRequest, fmt.Sprintf("文書の種類「%s」はありません（%s を指定してください）", v, document.KindNames("または"))}
		}
		ch.kind = k
	case "perVendor":
		ch.perVendor = v == "on" || v == "true" || v == "1"
	case "strict":
		ch.strict = v == "on" || v == "true" || v == "1"
	case "password":
		ch.password = v
	}
	return nil
}

// spool copies one file part into the temporary folder. A file larger
// than the limit is a 413; its spooled part is returned for removal.
func (s *Server) spool(part *multipart.Part) (job, error) {
	name := baseName(part.FileName())
	f, err := os.CreateTemp(s.cfg.TempDir, "upload-*.xlsx")
	if err != nil {
		s.log.Error("spool", "err", err)
		return job{}, &requestError{http.StatusInternalServerError, "一時ファイルを作れません（ディスクの空き容量を確かめてください）"}
	}
	j := job{name: name, path: f.Name()}
	n, err := io.Copy(f, io.LimitReader(part, s.cfg.MaxFileBytes+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return j, uploadError(err, s.cfg)
	}
	if n > s.cfg.MaxFileBytes {
		return j, &requestError{http.StatusRequestEntityTooLarge,
			fmt.Sprintf("%s: ファイルが大きすぎます（%d MB 超）。確認表の .xlsx ファイルか確かめてください", name, s.cfg.MaxFileBytes>>20)}
	}
	return j, nil
}

// uploadError turns an error reading the request body into a refusal.
func uploadError(err error, cfg Config) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &requestError{http.StatusRequestEntityTooLarge,
			fmt.Sprintf("送られたデータが大きすぎます（1ファイル %d MB、%d ファイルまで）", cfg.MaxFileBytes>>20, cfg.MaxFiles)}
	}
	return &requestError{http.StatusBadRequest, "アップロードを最後まで受け取れませんでした。もう一度送ってください"}
}

// baseName is the last element of an uploaded file's name (browsers may
// send a path), never empty.
func baseName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = strings.TrimSpace(path.Base(name))
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, "_")
	}
	if name == "" || name == "." || name == "/" {
		return "確認表.xlsx"
	}
	return name
}

// removeJobs removes the spooled files.
func removeJobs(jobs []job) {
	for _, j := range jobs {
		os.Remove(j.path)
	}
}

// response is the answer to an upload.
type response struct {
	Files  []fileResult `json:"files"`
	Zip    *output      `json:"zip,omitempty"`    // every output of every file
	Notice string       `json:"notice,omitempty"` // a note for every file: no PDF font
	// Pair is, for exactly two files, the indexes of the 改正前 and the
	// 改正後 that the page proposes for a 新旧対照表, and why.
	Pair *pair `json:"pair,omitempty"`
}

// run converts the uploaded files in one worker, within the request's
// deadline.
func (s *Server) run(ctx context.Context, jobs []job) (*response, error) {
	res := &response{}
	err := s.inWorker(ctx, jobs, func() {
		for _, j := range jobs {
			res.Files = append(res.Files, s.work(j))
		}
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// inWorker runs work in one worker, within the request's deadline, and
// removes the spooled jobs after it. When the deadline passes first, the
// worker still finishes (and then removes the files), so that the limit
// stays true; work's results must then be left alone.
func (s *Server) inWorker(ctx context.Context, jobs []job, work func()) error {
	if err := s.slots.acquire(ctx); err != nil {
		removeJobs(jobs)
		if errors.Is(err, errBusy) {
			return &requestError{http.StatusServiceUnavailable, "ただいま混み合っています。しばらくしてからもう一度送ってください"}
		}
		return deadlineError(ctx)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer s.slots.release()
		defer removeJobs(jobs)
		work()
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return deadlineError(ctx)
	}
}

// deadlineError is the refusal of a request whose context ended.
func deadlineError(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &requestError{http.StatusGatewayTimeout, "時間がかかりすぎたため中止しました。ファイルを分けて送るか、しばらくしてからもう一度送ってください"}
	}
	return &requestError{http.StatusRequestTimeout, "要求が取り消されました"}
}

// convertAPI answers POST /api/convert with the JSON response.
func (s *Server) convertAPI(w http.ResponseWriter, r *http.Request) {
	res, err := s.handleUpload(w, r)
	s.answerJSON(w, res, err)
}

// answerJSON sends res as the JSON answer, or refuses the request with err.
func (s *Server) answerJSON(w http.ResponseWriter, res any, err error) {
	if err != nil {
		s.refuse(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		s.log.Warn("response not sent", "err", err)
	}
}

// zipAPI answers POST /api/zip with the ZIP of every output alone, for
// programs (curl -F file=@確認表.xlsx).
func (s *Server) zipAPI(w http.ResponseWriter, r *http.Request) {
	res, err := s.handleUpload(w, r)
	if err != nil {
		s.refuse(w, err)
		return
	}
	w.Header().Set("Content-Type", res.Zip.Type)
	w.Header().Set("Content-Disposition", contentDisposition(res.Zip.Name))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(res.Zip.Data)
}

// handleUpload reads, converts and packs one upload.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) (*response, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	jobs, err := s.readUpload(w, r)
	if err != nil {
		return nil, err
	}
	res, err := s.run(ctx, jobs)
	if err != nil {
		return nil, err
	}
	if res.Zip, err = zipOf(res.Files); err != nil {
		return nil, &requestError{http.StatusInternalServerError, "ZIP ファイルを作れませんでした"}
	}
	if err := s.cfg.Converter.Ready(); err != nil {
		res.Notice = "PDF は作成できません: " + err.Error()
	}
	if len(res.Files) == 2 {
		res.Pair = pairOf(res.Files[0], res.Files[1])
	}
	for _, f := range res.Files {
		s.log.Info("converted", "file", f.File, "status", f.Status, "errors", f.Errors, "warnings", f.Warnings, "outputs", len(f.Outputs))
	}
	return res, nil
}

// refuse answers a refused request with its status and {"error": message}.
func (s *Server) refuse(w http.ResponseWriter, err error) {
	var re *requestError
	if !errors.As(err, &re) {
		re = &requestError{http.StatusInternalServerError, "内部エラーが発生しました"}
	}
	if re.status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	s.log.Warn("refused", "status", re.status, "reason", re.message)
	writeError(w, re.status, re.message)
}

// writeError writes {"error": message} with status.
func writeError(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"error": message})
}
