-- Neovim as an LSP client of `certiref lsp --stdio`, headless. Opens a référentiel, waits for
-- the diagnostics, asks for a hover and a definition, and writes what it got as JSON to OUT.
local CLI, ROOT, FILE, OUT = os.getenv('CERTIREF_CLI'), os.getenv('CERTIREF_ROOT'), os.getenv('CERTIREF_FILE'), os.getenv('CERTIREF_OUT')
local result = { diagnostics = {}, hover = nil, definition = nil, errors = {} }

local function finish(code)
  local f = io.open(OUT, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit 1')
end

vim.filetype.add({ extension = { ref = 'certiref' } })
local id = vim.lsp.start_client({ name = 'certiref', cmd = { 'node', CLI, 'lsp', '--stdio' }, root_dir = ROOT })
if not id then
  table.insert(result.errors, 'the language server did not start')
  finish(1)
end
vim.cmd('edit ' .. FILE)
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, id)

local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not ok then table.insert(result.errors, 'no diagnostics within 20 s') end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { line = d.lnum + 1, col = d.col + 1, severity = d.severity, code = d.code, message = d.message })
end

-- the position of the first `évalue` reference to a competency: hover and go to definition on it
local line, col
for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local s = text:find('évalue ', 1, true)
  if s then line, col = i - 1, s - 1 + #'évalue ' + 1; break end
end
local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line, character = col } }
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
for _, r in pairs(hover or {}) do if r.result then result.hover = r.result.contents.value end end
local definition = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 10000)
for _, r in pairs(definition or {}) do
  if r.result then
    local loc = r.result[1] or r.result
    result.definition = { uri = loc.uri or loc.targetUri, line = (loc.range or loc.targetSelectionRange).start.line + 1 }
  end
end
finish(#result.errors == 0 and 0 or 1)
