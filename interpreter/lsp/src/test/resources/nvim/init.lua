-- Headless Neovim as a real LSP client: opens LAW_NVIM_FILE, starts the server LAW_LSP_CMD
-- (a JSON list) with Neovim's built-in client, waits for diagnostics and writes each as
-- "line:col:code:message" (0-based, as vim.diagnostic.get() gives them) to LAW_NVIM_OUT.
local out = os.getenv("LAW_NVIM_OUT")
local cmd = vim.fn.json_decode(os.getenv("LAW_LSP_CMD"))
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("LAW_NVIM_FILE")))
local config = { name = "law", cmd = cmd, root_dir = vim.fn.getcwd() }
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(0, vim.lsp.start_client(config))
end

local function finish(text)
  local f = io.open(out, "w")
  f:write(text)
  f:close()
  vim.cmd("qa!")
end

local deadline = vim.loop.now() + 40000
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  local ds = vim.diagnostic.get(0)
  if #ds > 0 then
    timer:stop()
    local lines = {}
    for _, d in ipairs(ds) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
      table.insert(lines, string.format("%d:%d:%s:%s", d.lnum, d.col, code, (d.message:gsub("\n", " "))))
    end
    finish(table.concat(lines, "\n") .. "\n")
  elseif vim.loop.now() > deadline then
    timer:stop()
    finish("timeout: no diagnostics\n")
  end
end))
