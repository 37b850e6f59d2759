import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import {
  REALTIME_PATH,
  type ClientToServerEvents,
  type OnlinePerson,
  type ServerToClientEvents,
} from "../../shared/realtime";

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RealtimeContext = createContext<RealtimeSocket | null>(null);

/** One socket.io connection per tab for a signed-in user; none while rendering on the server. */
export function RealtimeProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const created: RealtimeSocket = io({ path: REALTIME_PATH, withCredentials: true });
    setSocket(created);
    return () => {
      created.disconnect();
      setSocket(null);
    };
  }, [enabled]);
  return <RealtimeContext.Provider value={socket}>{children}</RealtimeContext.Provider>;
}

export const useRealtime = () => useContext(RealtimeContext);

/** Who is online in a city right now, kept current while the component is shown. */
export function useCityPresence(citySlug: string): OnlinePerson[] | null {
  const socket = useRealtime();
  const [people, setPeople] = useState<OnlinePerson[] | null>(null);
  useEffect(() => {
    if (!socket) return;
    const onPresence = (payload: { citySlug: string; people: OnlinePerson[] }) => {
      if (payload.citySlug === citySlug) setPeople(payload.people);
    };
    const join = () => socket.emit("city:join", citySlug, () => {});
    socket.on("city:presence", onPresence);
    socket.on("connect", join);
    if (socket.connected) join();
    return () => {
      socket.off("city:presence", onPresence);
      socket.off("connect", join);
      socket.emit("city:leave", citySlug);
      setPeople(null);
    };
  }, [socket, citySlug]);
  return people;
}
