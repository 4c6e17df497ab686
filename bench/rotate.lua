-- wrk script: the paths of the file named after "--" (one a line), round robin, as bench/Latency.java
-- sends a path "@file":  wrk ... -s bench/rotate.lua http://127.0.0.1:8095 -- paths.txt
local paths, i = {}, 0

function init(args)
    for line in io.lines(args[1]) do
        paths[#paths + 1] = line
    end
end

function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
