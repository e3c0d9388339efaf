-- wrk script: POST one single-recipient send per request, as an API client would.
-- RASAN_TOKEN (environment) is the Bearer token. Counts 202s and other statuses per thread; done() adds them up
-- and prints a line the load script reads: "statuses: 202=N other=M".

wrk.method = "POST"
wrk.body = '{"to":["09121234567"],"text":"Your verification code is 12345"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("RASAN_TOKEN") or "")

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   accepted = 0
   other = 0
   first_other = ""
end

function response(status, headers, body)
   if status == 202 then
      accepted = accepted + 1
   else
      other = other + 1
      if first_other == "" then
         first_other = tostring(status) .. " " .. string.sub(body or "", 1, 300)
      end
   end
end

function done(summary, latency, requests)
   local a, o, first = 0, 0, ""
   for _, thread in ipairs(threads) do
      a = a + thread:get("accepted")
      o = o + thread:get("other")
      local f = thread:get("first_other")
      if first == "" and f ~= nil and f ~= "" then
         first = f
      end
   end
   io.write(string.format("statuses: 202=%d other=%d\n", a, o))
   io.write(string.format("p99_us: %d\n", latency:percentile(99)))
   if first ~= "" then
      io.write("first non-202: " .. first .. "\n")
   end
end
